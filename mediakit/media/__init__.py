"""Low-level media access shared by every feature: the ffmpeg binary, probing, image loading."""
