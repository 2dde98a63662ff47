"""The map of North China, in modules with one job each; `painter.MapPainter` draws it."""
