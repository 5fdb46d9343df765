"""The domain core. Nothing below this package imports Qt: it runs headless for the CLI and tests."""
