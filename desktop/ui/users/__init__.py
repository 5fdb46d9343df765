"""Desk users in the GUI (issue 16): sign-in and quick switch, the lock screen, the Users
dialog for admins, and hiding what the signed-in role may not do. Strings: context "Users"
and the forms' own contexts, Hindi in resources/i18n/users_hi.ts."""
