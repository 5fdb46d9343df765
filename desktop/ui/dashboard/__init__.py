"""The Dashboard area: the monthly review at a glance (funnel, departments, trend)."""
