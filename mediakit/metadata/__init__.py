"""Metadata scrubbing: find what identifies a place, a device or a person, and write files
that carry none of it."""
