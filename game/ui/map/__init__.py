"""The map of North China. `painter.MapPainter` draws it into a panel with the others' help:
`projection` fits the view, `base` draws the base map, `layout` places the places with their
`labels` and `units`, `regions` names the provinces and seas, and `legend` says what the marks
mean; `markers` and `geometry` serve them all."""
