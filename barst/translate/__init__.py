"""`barst translate`: PO files for translators (extract, merge, status), so volunteers work in Poedit or
Weblate instead of YAML. The text addresses of the packs are the PO entries' `msgctxt`."""
