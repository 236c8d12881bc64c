package fs

import (
	"os"

	"github.com/dop251/goja"
)

// constants is fs.constants with the values of Linux Node.
func (m *module) constants() *goja.Object {
	c := m.vm.NewObject()
	for name, v := range map[string]int64{
		"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
		"COPYFILE_EXCL": copyFlagExcl, "COPYFILE_FICLONE": 2, "COPYFILE_FICLONE_FORCE": 4,
		"O_RDONLY": int64(os.O_RDONLY), "O_WRONLY": int64(os.O_WRONLY), "O_RDWR": int64(os.O_RDWR),
		"O_CREAT": int64(os.O_CREATE), "O_EXCL": int64(os.O_EXCL), "O_TRUNC": int64(os.O_TRUNC),
		"O_APPEND": int64(os.O_APPEND), "O_SYNC": int64(os.O_SYNC),
		"S_IFMT": sIFMT, "S_IFREG": sIFREG, "S_IFDIR": sIFDIR, "S_IFCHR": sIFCHR, "S_IFBLK": sIFBLK,
		"S_IFIFO": sIFIFO, "S_IFLNK": sIFLNK, "S_IFSOCK": sIFSOCK,
	} {
		m.set(c, name, v)
	}
	return c
}
