package io.mita.auth.admin;

import java.util.List;
import java.util.UUID;

record UserRolesResponse(UUID userId, List<String> roles) {}
