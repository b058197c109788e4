"""Photo features: anonymisation (masks and metadata scrub), later selection and retouching."""
