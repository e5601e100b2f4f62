module gotool.local/typesinfo

go 1.19
