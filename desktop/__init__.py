"""Karmayogi Desk: offline-first desk for Mission Karmayogi training centres (Uttar Pradesh)."""

__version__ = "0.1.0"
APP_NAME = "karmayogi-desk"
