package export

import "golang.org/x/sys/windows"

// systemDocuments asks Windows for the Documents folder, which IT may have
// redirected to OneDrive or a network share; "" if Windows cannot say.
func systemDocuments() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return dir
}
