module gotool.local/goast

go 1.19
