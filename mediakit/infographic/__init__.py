"""Infographics from the charte graphique (templates filled with figures and text)."""
