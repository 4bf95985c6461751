"""Reads a QR code drawn in SVG as a phone would: from its dark modules, never from its text.

The SVG is drawn into a bitmap with Pillow, then decoded with zxing-cpp's reader (the site's
codes are made by its writer, which is libzint's encoder: another code base). Only what a flat
black-and-white drawing of straight lines uses is understood (`<g>`, `<path>` and `<rect>`;
stroked moves and horizontal or vertical lines, or filled rectangles; `scale` and
`translate`); anything else raises rather than being skipped, so that a drawing this reader
does not understand never passes for one it read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import zxingcpp
from PIL import Image, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
PIXELS_PER_UNIT = 2
# White around the drawing: the paper the flyer is printed on.
MARGIN = 16
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_TRANSFORM = re.compile(rf"(scale|translate)\(\s*({_NUMBER})(?:[\s,]+({_NUMBER}))?\s*\)")

Box = tuple[float, float, float, float]


class UnreadableSvgError(ValueError):
    """The SVG uses something this reader does not draw."""


def read_qr_svg(svg: bytes) -> list[str]:
    """The text of every QR code the SVG shows."""
    return [result.text for result in zxingcpp.read_barcodes(draw_svg(svg))]


def draw_svg(svg: bytes) -> Image.Image:
    root = ET.fromstring(svg)
    if root.tag != SVG + "svg":
        raise UnreadableSvgError(f"not an SVG document: <{root.tag}>")
    left, top, width, height = _view_box(root)
    # What lies outside the viewBox is not shown: draw on the viewBox alone.
    image = Image.new("L", (round(width * PIXELS_PER_UNIT), round(height * PIXELS_PER_UNIT)), 255)
    pen = ImageDraw.Draw(image)
    for element, inherited in _drawn(root, {}):
        gray = _gray(element, inherited)
        if gray is None:
            continue
        scale_x, scale_y, shift_x, shift_y = _transform(element.get("transform", ""))
        for x0, y0, x1, y1 in _boxes(element, inherited):
            xs = sorted(round((scale_x * x + shift_x - left) * PIXELS_PER_UNIT) for x in (x0, x1))
            ys = sorted(round((scale_y * y + shift_y - top) * PIXELS_PER_UNIT) for y in (y0, y1))
            if xs[0] < xs[1] and ys[0] < ys[1]:
                # Pillow's boxes include their last pixel.
                pen.rectangle((xs[0], ys[0], xs[1] - 1, ys[1] - 1), fill=gray)
    paper = Image.new("L", (image.width + 2 * MARGIN, image.height + 2 * MARGIN), 255)
    paper.paste(image, (MARGIN, MARGIN))
    return paper


def _drawn(
    parent: ET.Element, inherited: dict[str, str]
) -> Iterator[tuple[ET.Element, dict[str, str]]]:
    """Each shape in drawing order, with the `fill` and `stroke` it inherits from its groups."""
    for element in parent:
        name = element.tag.removeprefix(SVG)
        if name in {"title", "desc"}:
            continue
        if name == "g":
            if set(element.attrib) - {"id", "fill", "stroke"}:
                raise UnreadableSvgError(
                    f"<g> {sorted(element.attrib)} is not drawn by this reader"
                )
            painted = {
                key: element.get(key, "") for key in ("fill", "stroke") if key in element.attrib
            }
            yield from _drawn(element, inherited | painted)
        elif name in {"path", "rect"}:
            yield element, inherited
        else:
            raise UnreadableSvgError(f"<{name}> is not drawn by this reader")


def _view_box(root: ET.Element) -> Box:
    if view_box := root.get("viewBox"):
        left, top, width, height = (float(n) for n in re.split(r"[\s,]+", view_box.strip()))
        return left, top, width, height
    size = root.get("width"), root.get("height")
    if size[0] is None or size[1] is None:
        raise UnreadableSvgError("the SVG has neither a viewBox nor a width and height")
    return 0.0, 0.0, float(size[0]), float(size[1])


def _transform(text: str) -> tuple[float, float, float, float]:
    """(scale x, scale y, shift x, shift y) of a list of scale() and translate()."""
    scale_x, scale_y, shift_x, shift_y = 1.0, 1.0, 0.0, 0.0
    rest = _TRANSFORM.sub("", text).strip(" ,")
    if rest:
        raise UnreadableSvgError(f"transform {text!r} is not drawn by this reader")
    # Each transform applies to what follows it: compose from the last to the first.
    for kind, first, second in reversed(_TRANSFORM.findall(text)):
        a = float(first)
        b = float(second) if second else (a if kind == "scale" else 0.0)
        if kind == "scale":
            scale_x, scale_y, shift_x, shift_y = scale_x * a, scale_y * b, shift_x * a, shift_y * b
        else:
            shift_x, shift_y = shift_x + a, shift_y + b
    return scale_x, scale_y, shift_x, shift_y


_ATTRIBUTES = {
    SVG + "path": {"d", "transform", "stroke", "stroke-width", "stroke-linecap", "fill", "class"},
    SVG + "rect": {"x", "y", "width", "height", "transform", "fill", "class"},
}
_COLOURS = {"#000": 0, "#000000": 0, "black": 0, "#fff": 255, "#ffffff": 255, "white": 255}


def _gray(element: ET.Element, inherited: dict[str, str]) -> int | None:
    """0 for black, 255 for white, None for nothing drawn."""
    unknown = set(element.attrib) - _ATTRIBUTES[element.tag]
    if unknown or element.get("stroke-linecap", "butt") != "butt":
        raise UnreadableSvgError(
            f"<{element.tag}> {sorted(element.attrib)} is not drawn by this reader"
        )
    # A stroked path's lines are drawn by their stroke; a rectangle, or a path of rectangles
    # with no stroke, by its fill (black unless told otherwise).
    stroke = element.get("stroke", inherited.get("stroke", "none"))
    if element.tag == SVG + "path" and stroke != "none":
        colour = stroke
    else:
        colour = element.get("fill", inherited.get("fill", "black"))
    if colour == "none":
        return None
    if colour.lower() not in _COLOURS:
        raise UnreadableSvgError(f"colour {colour!r} is not one of a QR code's")
    return _COLOURS[colour.lower()]


def _boxes(element: ET.Element, inherited: dict[str, str]) -> list[Box]:
    """The rectangles an element covers, in its own units."""
    if element.tag == SVG + "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        return [(x, y, x + float(element.get("width", 0)), y + float(element.get("height", 0)))]
    if element.get("stroke", inherited.get("stroke", "none")) == "none":
        return _filled_rectangles(element.get("d", ""))
    path = element.get("d", "")
    # Lines that turn may enclose an area, which a path fills unless told not to.
    if re.search("[Vv]", path) and element.get("fill") != "none":
        raise UnreadableSvgError("a filled path with turns is not drawn by this reader")
    half = float(element.get("stroke-width", 1)) / 2
    boxes: list[Box] = []
    x = y = 0.0
    tokens = _PATH_TOKEN.findall(path)
    position = 0
    while position < len(tokens):
        command = tokens[position]
        if command in "Mm":
            dx, dy = float(tokens[position + 1]), float(tokens[position + 2])
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            position += 3
        elif command in "HhVv":
            value = float(tokens[position + 1])
            if command in "Hh":
                end = x + value if command == "h" else value
                boxes.append((min(x, end), y - half, max(x, end), y + half))
                x = end
            else:
                end = y + value if command == "v" else value
                boxes.append((x - half, min(y, end), x + half, max(y, end)))
                y = end
            position += 2
        else:
            raise UnreadableSvgError(f"path command {command!r} is not drawn by this reader")
    return boxes


_RECTANGLE = re.compile(rf"M({_NUMBER})[\s,]+({_NUMBER})h({_NUMBER})v({_NUMBER})h({_NUMBER})Z")


def _filled_rectangles(path: str) -> list[Box]:
    """A filled path made only of closed rectangles (`M x y h w v h h -w Z`), each one box."""
    boxes: list[Box] = []
    end = 0
    for match in _RECTANGLE.finditer(path):
        if match.start() != end:
            break
        x, y, width, height, back = (float(n) for n in match.groups())
        if back != -width:
            raise UnreadableSvgError(f"{match.group(0)!r} is not a rectangle")
        boxes.append((min(x, x + width), min(y, y + height), max(x, x + width), max(y, y + height)))
        end = match.end()
    if path[end:].strip():
        raise UnreadableSvgError("a filled path of other shapes than rectangles is not drawn")
    return boxes
