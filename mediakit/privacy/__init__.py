"""Detection and masking of identifying regions (faces, licence plates), shared by photo and video."""
