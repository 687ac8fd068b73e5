"""Question sets the question service is measured on (see README.md)."""
