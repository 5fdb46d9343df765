"""Certificates area: the register, issuing for a workshop, and the offline Verify screen.

`page.CertificatesPage` is the page; each tab's behaviour is its own module (`register`,
`issue`, `verify`), mixed into that one class so widget names, translation context
("CertificatesPage") and behaviour stay as they were."""
