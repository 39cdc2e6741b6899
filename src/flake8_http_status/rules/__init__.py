"""Rule implementations; `registry` lists them all."""
