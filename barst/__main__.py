from barst.start import main

raise SystemExit(main())
