"""Field visits area: the list of visits and the visit form, shown one at a time on one page.

Thin over `desktop.core.field_visits`, `attachments`, `field_workshops` and `field_report`:
widgets collect input and show results; writes and PDFs run through `ctx.run` (the single
database worker); every write is a `ctx.run(..., changes=(kind,))`. Layouts are the Designer files
`forms/field_visits.ui`, `forms/field_visit.ui` and two small dialogs. `page` holds the page,
`visit_list` the list, `visit_form` the form, whose parts (people, action points, attachments,
field workshop and report) are mixins in `form_*` modules; `common` what they share."""
