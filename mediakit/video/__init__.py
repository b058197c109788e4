"""Video features: anonymisation of rushes (tracked masks), montage."""
