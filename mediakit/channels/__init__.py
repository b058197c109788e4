"""Diffusion channels: presets as data (one JSON file per channel), reframing and export."""
