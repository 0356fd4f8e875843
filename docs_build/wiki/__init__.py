"""wiki."""
