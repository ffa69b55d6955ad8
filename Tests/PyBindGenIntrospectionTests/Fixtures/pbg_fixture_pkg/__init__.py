"""A package whose modules refer to a class none of them exports (pbg_fixture_pkg.core.Hidden)."""
