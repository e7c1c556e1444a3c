from barst.cli import main

raise SystemExit(main())
