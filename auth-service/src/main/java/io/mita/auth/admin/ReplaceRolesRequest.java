package io.mita.auth.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The complete set of roles the user shall have (names; unknown ones are refused). */
record ReplaceRolesRequest(@NotEmpty @Size(max = 10) List<@NotBlank String> roles) {}
