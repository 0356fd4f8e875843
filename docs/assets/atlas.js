// Agent Atlas: nothing global yet; feature scripts live beside this file.
