module gotool.local/gotypes

go 1.19
