"""The Qt Widgets GUI: a thin layer over the core. The only package that imports PySide6."""
