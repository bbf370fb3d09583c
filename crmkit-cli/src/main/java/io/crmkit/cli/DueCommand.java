package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.internal.Pii;
import io.crmkit.core.port.memory.InMemoryCustomerRepository;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.jackson.UntrustedJson;
import io.crmkit.segmentation.lifecycle.DueList;
import io.crmkit.segmentation.lifecycle.ForecastOptions;
import io.crmkit.segmentation.lifecycle.NextPurchase;
import io.crmkit.segmentation.lifecycle.NextPurchaseReport;
import io.crmkit.segmentation.lifecycle.PurchaseForecast;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit due}: the customers expected to buy again within a window of days, to remind
 * before they run out, keeping only those whose consent permits the contact.
 */
@Command(name = "due", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Customers due to buy again in a window of days (replenishment reminders).",
        description = {"Prints per customer expected to buy from --from to --to (both included), by expected day:"
            + " customer_id, last_purchase, expected_date, earliest, latest, gaps, own_weight.",
            "The forecast uses each repeat customer's own gaps shrunk towards everybody's, given no purchase"
            + " between the last one and --as-of. Consent is checked in --customers (a JSON array of crmkit"
            + " customers) for --medium and --purpose at --consent-at; --ignore-consent skips the check, with a"
            + " warning."})
public final class DueCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PurchaseUnitOption purchaseUnit;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day of history (required: never 'today'); later purchases are ignored.")
    private LocalDate asOf;

    @Option(names = "--from", order = 11, required = true, paramLabel = "DATE",
            description = "First day of the window.")
    private LocalDate from;

    @Option(names = "--to", order = 12, required = true, paramLabel = "DATE",
            description = "Last day of the window.")
    private LocalDate to;

    @Option(names = "--interval", order = 13, paramLabel = "LEVEL", defaultValue = "0.8",
            description = "Probability of the earliest-latest interval. Default: ${DEFAULT-VALUE}.")
    private double interval;

    @Option(names = "--customers", order = 14, paramLabel = "FILE",
            description = "JSON array of crmkit customers whose consent is checked.")
    private Path customers;

    @Option(names = "--medium", order = 15, paramLabel = "MEDIUM", defaultValue = "email",
            description = "Contact medium checked: email, phone, sms, messaging, postal_mail, in_app."
                + " Default: ${DEFAULT-VALUE}.")
    private String medium;

    @Option(names = "--purpose", order = 16, paramLabel = "PURPOSE", defaultValue = "reminders",
            description = "Contact purpose checked: marketing, reminders, service, surveys. Default: ${DEFAULT-VALUE}.")
    private String purpose;

    @Option(names = "--consent-at", order = 17, paramLabel = "INSTANT",
            description = "Instant at which consent is checked. Default: the start of --from in --zone.")
    private Instant consentAt;

    @Option(names = "--ignore-consent", order = 18,
            description = "List every due customer without checking consent (for internal use, not for contact).")
    private boolean ignoreConsent;

    @Option(names = "--format", order = 19, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public DueCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (to.isBefore(from)) {
            throw new CommandFailedException("--to " + to + " must not be before --from " + from);
        }
        if ((customers == null) == !ignoreConsent) {
            throw new CommandFailedException(customers == null
                    ? "name --customers FILE to check consent, or --ignore-consent to list without checking"
                    : "--customers and --ignore-consent exclude each other");
        }
        ForecastOptions options;
        try {
            options = new ForecastOptions(asOf, interval);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--interval: " + e.getMessage());
        }
        ContactMedium contactMedium = parse(ContactMedium.class, medium, "--medium");
        ContactPurpose contactPurpose = parse(ContactPurpose.class, purpose, "--purpose");
        List<Customer> known = customers == null ? List.of() : readCustomers(customers);
        LifecycleInput data = LifecycleInput.read(this, input, purchaseUnit, asOf);
        if (data == null) {
            return CrmkitCli.EXIT_FAILED;
        }
        NextPurchaseReport forecast = NextPurchase.forecast(data.timelines, options);
        Definitions d = data.definitions("due", input);
        d.put("forecast", options.describe());
        d.put("repeat_customers_forecast", forecast.forecasts().size());
        List<PurchaseForecast> due;
        if (ignoreConsent) {
            due = forecast.expectedBetween(from, to);
            d.put("window", from + " to " + to + " (expected day, both included)");
            d.put("consent", "not checked (--ignore-consent)");
            warn("consent not checked (--ignore-consent): do not use this list to contact customers");
        } else {
            Instant at = consentAt != null ? consentAt : from.atStartOfDay(input.zone()).toInstant();
            DueList list = DueList.of(forecast, from, to, InMemoryCustomerRepository.of(known), contactMedium,
                    contactPurpose, at);
            due = list.due();
            d.put("window", list.describe());
            d.put("left_out_without_consent", list.withoutConsent());
            d.put("left_out_unknown_customer", list.unknown());
        }
        ListRows rows = new ListRows(List.of(Column.text("customer_id"), Column.text("last_purchase"),
                Column.text("expected_date"), Column.text("earliest"), Column.text("latest"), Column.number("gaps", 0),
                Column.number("own_weight", 3)));
        for (PurchaseForecast f : due) {
            rows.add(f.customerId().value(), f.lastPurchase(), f.expectedDate(), f.earliest(), f.latest(), f.gaps(),
                    f.ownWeight());
        }
        ResultWriter.write(format, d, rows, out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                return e;
            }
        }
        throw new CommandFailedException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + ": " + text);
    }

    /** A token Jackson quotes from the input (a name, say): masked before it is shown. */
    private static final java.util.regex.Pattern UNQUOTED_TOKEN = java.util.regex.Pattern.compile("token '([^']*)'");

    private static List<Customer> readCustomers(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("--customers: no such file: " + file);
        }
        List<Customer> customers;
        try (Reader in = UntrustedJson.utf8(Files.newInputStream(file))) {
            customers = UntrustedJson.mapper().readValue(in, new TypeReference<List<Customer>>() { });
        } catch (JsonProcessingException e) {
            // Jackson quotes the offending token of malformed JSON, which may be personal data
            String message = UNQUOTED_TOKEN.matcher(e.getOriginalMessage()).replaceAll(m -> "token '"
                    + java.util.regex.Matcher.quoteReplacement(List.of("null", "true", "false").contains(m.group(1))
                            ? m.group(1) : Pii.mask(m.group(1))) + "'");
            throw new CommandFailedException("--customers " + file + ": " + message
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (CharacterCodingException e) {
            throw new CommandFailedException("--customers " + file + ": not UTF-8 (JSON files must be UTF-8, with or"
                    + " without a byte-order mark)");
        }
        if (customers == null) {
            throw new CommandFailedException("--customers " + file + ": the document is null; a JSON array of"
                    + " customers is expected");
        }
        return customers;
    }
}
