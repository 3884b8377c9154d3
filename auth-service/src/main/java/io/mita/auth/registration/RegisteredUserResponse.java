package io.mita.auth.registration;

import java.util.UUID;

record RegisteredUserResponse(UUID userId) {}
