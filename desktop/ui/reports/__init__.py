"""The Reports area: the monthly review on screen and its exports."""
