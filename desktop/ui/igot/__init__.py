"""The GUI face of iGOT forwarding (desktop.core.igot): a workshop panel showing what is
missing per session and person, the Forward to iGOT action, and the settings dialog with
Test connection. Strings live in resources/i18n/igot_hi.ts."""
