package dev.remediator.testing.github;

import java.time.Clock;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Reads the `Authorization` header as GitHub does: an app JWT (RS256, `iss` = app id) or an installation token. */
final class Authenticator {

    private final GitHubState state;
    private final Clock clock;

    Authenticator(GitHubState state) {
        this.state = state;
        this.clock = state.clock();
    }

    Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.ANONYMOUS;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !(parts[0].equalsIgnoreCase("bearer") || parts[0].equalsIgnoreCase("token"))) {
            throw new ApiError(401, "Bad credentials");
        }
        String credential = parts[1];
        if (credential.chars().filter(c -> c == '.').count() == 2) {
            verifyAppJwt(credential);
            return Caller.APP;
        }
        if (credential.startsWith(UserTokens.PREFIX)) {
            return Caller.user(state.userTokens().login(credential).orElseThrow(() -> new ApiError(401,
                    "Bad credentials")));
        }
        InstallationToken token = state.token(credential).orElseThrow(() -> new ApiError(401, "Bad credentials"));
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new ApiError(401, "Bad credentials");
        }
        return Caller.installation(token);
    }

    private void verifyAppJwt(String jwt) {
        GitHubApp app = state.app();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                // GitHub refuses an `exp` more than ten minutes ahead
                .setMaxFutureValidityInMinutes(10)
                .setAllowedClockSkewInSeconds(60)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setVerificationKey(app.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(jwt);
        } catch (InvalidJwtException e) {
            if (e.hasExpired()) {
                throw new ApiError(401, "'Expiration time' claim ('exp') must be a numeric value representing the "
                        + "future time at which the assertion expires");
            }
            if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
                throw new ApiError(401, "'Expiration time' claim ('exp') is too far in the future");
            }
            throw new ApiError(401, "A JSON web token could not be decoded");
        }
        Object issuer = claims.getClaimValue("iss");
        String iss = issuer == null ? "" : String.valueOf(issuer);
        if (!iss.equals(String.valueOf(app.id())) && !iss.equals(app.clientId())) {
            throw new ApiError(401, "'Issuer' claim ('iss') must be an Integer");
        }
    }
}
