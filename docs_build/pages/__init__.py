"""The site's own pages: templates and links (render), the home, collection, folder, entry and problems pages,
the navigation (nav), folder listings (folders), template HTML held past Python-Markdown (heldhtml), and
relative links in bodies re-pointed at the pages of the files they name (bodylinks, a feature)."""
