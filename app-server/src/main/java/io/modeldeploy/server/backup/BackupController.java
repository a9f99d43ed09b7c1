package io.modeldeploy.server.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modeldeploy.model.BackupFile;
import io.modeldeploy.model.BackupList;
import io.modeldeploy.model.ErrorBody;
import io.modeldeploy.server.error.HttpErrorException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Our extension: backups of the built-in database, written into the data directory's {@code backups/}. */
@Controller("/apis/modeldeploy/v1/backups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operations")
@ApiResponse(responseCode = "401", description = "No token, an unknown one, or not a bearer token, where one is needed",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "409", description = "The server uses PostgreSQL: back that up with pg_dump or "
        + "point-in-time recovery (README, Operating it)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "421", description = "Bound to loopback, the server answers only requests whose Host "
        + "names the loopback or MODELDEPLOY_ALLOWED_HOSTS",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "Too many failed authentications from this address: "
        + "tokens are not checked until Retry-After has passed",
        headers = @Header(name = "Retry-After", description = "Seconds until a token is checked again",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
public class BackupController {
    static final String POSTGRES = "This server keeps its data in PostgreSQL, which it does not back up itself: use"
            + " pg_dump, or PostgreSQL's continuous archiving for point-in-time recovery (README, Operating it).";

    private final BackupService backups;

    public BackupController(@Nullable BackupService backups) {
        this.backups = backups;
    }

    @Operation(summary = "Back up the built-in database now",
            description = "An online, consistent copy while the server serves: every change acknowledged before the "
                    + "request is in it. Written into the data directory's backups/ folder as a zip; restore it into "
                    + "a stopped data directory with the server's command line: restore FILE --data-dir DIR. "
                    + "Needs an editor token (or loopback without --require-auth).")
    @ApiResponse(responseCode = "201", description = "The backup written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupFile.class)))
    @ApiResponse(responseCode = "403", description = "The token is a viewer's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "No space left for the backup on the data directory's file "
            + "system; nothing was written",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @Post
    public HttpResponse<BackupFile> create() {
        return HttpResponse.created(service().create());
    }

    @Operation(summary = "The backups in the data directory, newest first", description = "Readable with a viewer token.")
    @ApiResponse(responseCode = "200", description = "The backups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupList.class)))
    @Get
    public BackupList list() {
        return new BackupList(service().list());
    }

    private BackupService service() {
        if (backups == null) {
            throw HttpErrorException.conflict(POSTGRES);
        }
        return backups;
    }
}
