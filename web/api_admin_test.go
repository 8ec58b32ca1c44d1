package web

import "maps"

func init() {
	maps.Copy(dtoSchemas, map[string]any{
		"OrgMerge": apiOrgMerge{}, "OrgMerged": apiOrgMerged{},
		"PersonCreate": apiPersonCreate{}, "PersonUpdate": apiPersonUpdate{}, "PostCreate": apiPostCreate{},
		"PostEnd": apiPostEnd{}, "User": apiUser{}, "UserCreate": apiUserCreate{}, "UserUpdate": apiUserUpdate{},
		"PasswordReset": apiPasswordReset{}, "SessionsEnded": apiSessionsEnded{},
		"CommitteeSettings": apiCommitteeSettings{}, "CommitteeSettingsUpdate": apiCommitteeSettingsUpdate{},
		"GlobalSettings": apiGlobalSettings{}, "GlobalSettingsUpdate": apiGlobalSettingsUpdate{},
	})
}
