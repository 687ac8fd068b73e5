"""One module per template family, each defining ``PROFILE``."""
