"""Names that must meet wherever they are printed or asked for: department identity
(``kg.names.department``)."""
