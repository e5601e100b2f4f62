package s
func g(){goto;
g}