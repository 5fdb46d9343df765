"""Draws the application icon (karmayogi-desk.png for the window, .ico for Windows' exe).

Run once when the design changes: `python resources/app/make_icon.py`. Both files are kept
in the repository as sources of the bundle; the letter is क (ka) of कर्मयोगी from the Noto
Sans Devanagari font the app ships."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "NotoSansDevanagari-Bold.ttf"
NAVY, SAFFRON, GREEN, WHITE = (24, 58, 107), (255, 153, 51), (19, 136, 8), (255, 255, 255)


def draw(size: int = 1024) -> Image.Image:
    """The icon at `size` px: a navy tile, a saffron ring, the letter क in white, a green bar."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size // 32
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 6, fill=NAVY)
    ring = size // 7
    d.ellipse((ring, ring, size - ring, size - ring), outline=SAFFRON, width=size // 18)
    font = ImageFont.truetype(str(FONT), int(size * 0.38))
    d.text((size / 2, size * 0.45), "क", font=font, fill=WHITE, anchor="mm")
    bar = size // 12
    d.rounded_rectangle((size * 0.36, size * 0.64, size * 0.64, size * 0.64 + bar * 0.8),
                        radius=bar // 2, fill=GREEN)
    return img


def main() -> None:
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "karmayogi-desk.png")
    big.save(HERE / "karmayogi-desk.ico",
             sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
