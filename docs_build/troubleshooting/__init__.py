"""troubleshooting."""
