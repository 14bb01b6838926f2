package io.threatflow.assets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.inventory.AssetFilter;
import io.threatflow.inventory.AssetPage;
import io.threatflow.inventory.InventoryService;
import io.threatflow.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/assets}: the asset inventory, read by analysts, managers and administrators and loaded by
 * administrators ({@link AssetAccess}), in bulk from JSON or CSV with a result per row ({@link AssetLoad}).
 */
@RestController
@Tag(name = "Assets", description = "The asset inventory: read it (analysts, managers), load it (administrators)")
@RequestMapping(path = "/api/assets", produces = MediaType.APPLICATION_JSON_VALUE)
class AssetController {

    record Page(List<AssetView> items, int page, int size, long total) {
    }

    private final InventoryService inventory;
    private final AssetAccess access;
    private final AssetLoadReader reader;
    private final AssetLoad load;

    AssetController(InventoryService inventory, AssetAccess access, AssetLoadReader reader, AssetLoad load) {
        this.inventory = inventory;
        this.access = access;
        this.reader = reader;
        this.load = load;
    }

    @Operation(summary = "Load assets: create or update each by hostname",
            description = """
                    A JSON object or array, or `text/csv` with a header row (columns hostname, ip, os, version, \
                    criticality, owner, internet-facing, tags; any case; tags separated by `;` or spaces). An \
                    existing host (hostname, any case) keeps its id and everything the load does not carry: open \
                    ports, network state, findings, and any field left out, null or (CSV) empty. Every row gets a \
                    result; a rejected row names each bad field and holds back no other row. Administrators only.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                            [{"hostname": "web-02.corp.example", "ip": "10.0.1.11", "os": "Ubuntu", "version": "24.04",
                              "criticality": "HIGH", "owner": "web-team", "internetFacing": true,
                              "tags": ["linux", "dmz"]}]""")),
                    @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
                            hostname,ip,os,version,criticality,owner,internet-facing,tags
                            web-02.corp.example,10.0.1.11,Ubuntu,24.04,HIGH,web-team,yes,linux;dmz
                            """))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "One result per row, in order",
                            content = @Content(examples = @ExampleObject(value = """
                            {"created": 1, "updated": 0, "rejected": 1, "items": [
                              {"row": 2, "hostname": "web-02.corp.example", "result": "created",
                               "assetId": "6f1c…", "errors": []},
                              {"row": 3, "hostname": "db 02", "result": "rejected", "errors": [
                                {"field": "hostname", "message": "is not a DNS host name: …"},
                                {"field": "criticality", "message": "must be one of [LOW, MEDIUM, HIGH, CRITICAL]"}]}]}
                            """))),
                    @ApiResponse(responseCode = "400", description = "Not JSON or CSV at all, an unknown or missing "
                            + "CSV column, a broken CSV row, or more than 10,000 rows; nothing is written",
                            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                            {"type": "about:blank", "title": "Unreadable CSV", "status": 400,
                             "detail": "row 3: cannot be read as CSV (an unbalanced quote?): …",
                             "errors": [{"field": "row 3", "message": "cannot be read as CSV (an unbalanced quote?): …"}]}
                            """))),
                    @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
                    @ApiResponse(responseCode = "403", description = "Not an administrator (camunda-admin)"),
                    @ApiResponse(responseCode = "413", description = "Body over the configured limit"),
                    @ApiResponse(responseCode = "415", description = "Neither application/json nor text/csv")})
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    AssetLoad.Result load(HttpEntity<byte[]> request) {
        // asked before the body is read, so that whoever may not load learns nothing from parse errors
        access.checkWrite();
        return load.load(reader.read(request.getHeaders().getContentType(), request.getBody()));
    }

    @Operation(summary = "Find assets", description = "By hostname; every filter is optional. Analysts, managers, "
            + "administrators.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
                            {"items": [{"assetId": "6f1c…", "hostname": "web-01", "ip": "10.0.1.10", "os": "Ubuntu",
                              "version": "22.04", "criticality": "HIGH", "owner": "web-team", "internetFacing": true,
                              "tags": ["dmz", "linux", "server", "web"], "osSupported": true, "managed": true,
                              "networkState": "CONNECTED", "openPorts": [22, 443], "blockedPorts": [], "findings": [],
                              "accountDisabled": false, "credentialsCompromised": false, "monitoringElevated": false}],
                             "page": 0, "size": 20, "total": 1}"""))),
                    @ApiResponse(responseCode = "403", description = "Not an analyst, manager or administrator")})
    @GetMapping
    Page search(@Parameter(description = "part of the hostname, any case") @RequestParam(required = false) String hostname,
                @Parameter(description = "a tag the asset carries") @RequestParam(required = false) String tag,
                @RequestParam(required = false) Boolean internetFacing,
                @RequestParam(defaultValue = "0") @Min(0) int page,
                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        access.checkRead();
        AssetPage found = inventory.search(new AssetFilter(hostname, tag, internetFacing), page, size);
        return new Page(found.items().stream().map(AssetView::of).toList(), found.page(), found.size(), found.total());
    }

    @Operation(summary = "One asset by hostname (any case)",
            responses = {
                    @ApiResponse(responseCode = "403", description = "Not an analyst, manager or administrator"),
                    @ApiResponse(responseCode = "404", description = "No asset has this hostname")})
    @GetMapping("/{hostname}")
    AssetView get(@PathVariable String hostname) {
        access.checkRead();
        return inventory.findByHostname(hostname).map(AssetView::of).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Asset not found",
                        "No asset in the inventory has the hostname " + hostname), null));
    }

    @ExceptionHandler(UnreadableLoadException.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableLoadException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalidFields(e.title(), e.errors()));
    }
}
