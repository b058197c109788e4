"""Validation hand-off to the chief of service: review bundles, signed decisions, audit trail
and the publishing gate (only approved versions reach the ready-to-publish folder)."""
