"""The map's view: the data's `bbox` fitted into the panel and, where the panel is wider or taller
than the bbox, more of the surroundings shown, up to the data's `extent` (the area its coast and sea
cover): a panel never shows past the edge of the geography."""

from __future__ import annotations

import math
from collections.abc import Mapping

from game.ui.view import MapData, Projection


def fit_view(data: MapData, size: tuple[int, int]) -> Projection:
    """Equirectangular, longitudes squeezed by cos(the bbox's mid-latitude): the whole bbox fitted into
    `size`, centred, then kept inside the data's `extent` (zooming in only if the panel's shape would
    otherwise show beyond it). Without an extent the bbox is only fitted and centred."""
    bbox = data["bbox"]
    extent = data.get("extent")
    width, height = size
    squeeze = math.cos(math.radians((bbox["lat_min"] + bbox["lat_max"]) / 2))

    def spans(box: Mapping[str, float]) -> tuple[float, float]:
        return (box["lon_max"] - box["lon_min"]) * squeeze, box["lat_max"] - box["lat_min"]

    span_x, span_y = spans(bbox)
    scale = min(width / span_x, height / span_y)
    if isinstance(extent, dict):
        extent = {  # never smaller than the bbox
            "lon_min": min(extent["lon_min"], bbox["lon_min"]),
            "lon_max": max(extent["lon_max"], bbox["lon_max"]),
            "lat_min": min(extent["lat_min"], bbox["lat_min"]),
            "lat_max": max(extent["lat_max"], bbox["lat_max"]),
        }
        room_x, room_y = spans(extent)
        scale = max(scale, width / room_x, height / room_y)
    view_lon, view_lat = width / (scale * squeeze), height / scale
    lon_min = (bbox["lon_min"] + bbox["lon_max"] - view_lon) / 2
    lat_max = (bbox["lat_min"] + bbox["lat_max"] + view_lat) / 2
    if isinstance(extent, dict):
        lon_min = min(max(lon_min, extent["lon_min"]), extent["lon_max"] - view_lon)
        lat_max = max(min(lat_max, extent["lat_max"]), extent["lat_min"] + view_lat)
    return Projection(lon_min, lat_max, scale, squeeze, 0, 0)
