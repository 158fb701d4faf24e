package io.github.wavestarter.aot;

import java.lang.reflect.Type;
import java.util.List;

import io.github.wavestarter.blue.api.Account;
import io.github.wavestarter.blue.api.AccountBudgetResponse;
import io.github.wavestarter.blue.api.AnomalyAlert;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.AwsOptions;
import io.github.wavestarter.blue.api.AzureCost;
import io.github.wavestarter.blue.api.AzureOptions;
import io.github.wavestarter.blue.api.BillingGroup;
import io.github.wavestarter.blue.api.BillingGroupResponse;
import io.github.wavestarter.blue.api.BillingGroupsPage;
import io.github.wavestarter.blue.api.Budget;
import io.github.wavestarter.blue.api.BudgetAlert;
import io.github.wavestarter.blue.api.CalculateCostsRequest;
import io.github.wavestarter.blue.api.CalculationsHistory;
import io.github.wavestarter.blue.api.CostAttributeItem;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.CostTag;
import io.github.wavestarter.blue.api.CreateAccountBudgetRequest;
import io.github.wavestarter.blue.api.CreateAccountBudgetResponse;
import io.github.wavestarter.blue.api.ExchangeRates;
import io.github.wavestarter.blue.api.ExportInvoiceRequest;
import io.github.wavestarter.blue.api.ExportInvoiceResponse;
import io.github.wavestarter.blue.api.ExportReportRequest;
import io.github.wavestarter.blue.api.ForecastsResponse;
import io.github.wavestarter.blue.api.GcpCost;
import io.github.wavestarter.blue.api.GcpOptions;
import io.github.wavestarter.blue.api.GetInvoiceRequest;
import io.github.wavestarter.blue.api.Invoice;
import io.github.wavestarter.blue.api.InvoiceAdjustment;
import io.github.wavestarter.blue.api.InvoiceReadiness;
import io.github.wavestarter.blue.api.InvoiceSummary;
import io.github.wavestarter.blue.api.KeyValue;
import io.github.wavestarter.blue.api.ListInvoicesRequest;
import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.blue.api.Org;
import io.github.wavestarter.blue.api.Payer;
import io.github.wavestarter.blue.api.ReadAdjustmentsRequest;
import io.github.wavestarter.blue.api.ReadBudgetAlertsRequest;
import io.github.wavestarter.blue.api.ReadCostAttributesRequest;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import io.github.wavestarter.blue.api.ReadInvoiceAdjustmentsRequest;
import io.github.wavestarter.blue.api.ReadNonTagCostsRequest;
import io.github.wavestarter.blue.api.ReadTagCostsRequest;
import io.github.wavestarter.blue.api.Reseller;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints (for native images) of what the starter binds with Jackson outside the
 * HTTP service interfaces, registered in {@code META-INF/spring/aot.factories}.
 * <p>
 * Spring Framework already registers the return and body types of the {@code IamApi},
 * {@code OrgApi} and {@code CostApi} beans, but the Blue API records are also read
 * through {@code BlueStreams} ({@code blueStreams.resultsOf(CostItem.class)}),
 * {@code bodyToMono(Org.class)} on {@code waveWebClient}, or an application's own
 * {@code @HttpExchange} interfaces, and written with {@code bodyValue(request)}: this
 * registrar gives every record of {@code io.github.wavestarter.blue.api} (and, through
 * {@link BindingReflectionHintsRegistrar}, the records its components name) the
 * constructor and accessors Jackson calls, whether or not the typed client beans exist.
 * <p>
 * Token responses and error bodies need no hint: the starter reads them as Jackson trees
 * ({@code Map} and {@code JsonNode}), never into classes by reflection.
 */
class WaveRuntimeHints implements RuntimeHintsRegistrar {

	/** The records of the Blue API that the starter reads or writes. */
	static final List<Class<?>> BLUE_API_RECORDS = List.of(Account.class, ApiUser.class, Org.class, CostItem.class,
			AwsCost.class, GcpCost.class, AzureCost.class, KeyValue.class, ReadCostsRequest.class, AwsOptions.class,
			GcpOptions.class, AzureOptions.class, ReadAdjustmentsRequest.class, ReadAdjustmentsRequest.AwsOptions.class,
			ReadTagCostsRequest.class, ReadTagCostsRequest.AwsOptions.class, ReadNonTagCostsRequest.class,
			ReadCostAttributesRequest.class, ReadCostAttributesRequest.AwsOptions.class,
			ReadCostAttributesRequest.AzureOptions.class, CostAttributeItem.class, CostAttributeItem.Aws.class,
			CostAttributeItem.Azure.class, Payer.class, CostTag.class, ForecastsResponse.class,
			ForecastsResponse.BillingGroupForecast.class, ForecastsResponse.ForecastData.class, Budget.class,
			Budget.MonthlyBudget.class, AccountBudgetResponse.class, CreateAccountBudgetRequest.class,
			CreateAccountBudgetResponse.class, ReadBudgetAlertsRequest.class, BudgetAlert.class,
			BudgetAlert.Notification.class, BudgetAlert.Channel.class, BudgetAlert.Threshold.class,
			BudgetAlert.CustomPeriod.class, BudgetAlert.CustomMonth.class, CalculateCostsRequest.class,
			CalculateCostsRequest.AwsOptions.class, Operation.class, Operation.Status.class, CalculationsHistory.class,
			CalculationsHistory.Aws.class, ExportReportRequest.class, ExportReportRequest.AwsOptions.class,
			ExportReportRequest.Columns.class, InvoiceReadiness.class, BillingGroup.class, BillingGroupsPage.class,
			BillingGroupsPage.Item.class, BillingGroupsPage.Vendor.class, BillingGroupResponse.class,
			ListInvoicesRequest.class, InvoiceSummary.class, GetInvoiceRequest.class, Invoice.class,
			Invoice.VendorDetail.class, Invoice.Amount.class, Invoice.Settings.class, ExportInvoiceRequest.class,
			ExportInvoiceResponse.class, ReadInvoiceAdjustmentsRequest.class, InvoiceAdjustment.class,
			ExchangeRates.class, ExchangeRates.Rate.class, ExchangeRates.Common.class,
			ExchangeRates.BillingGroupRates.class, ExchangeRates.PayerRates.class, ExchangeRates.Payer.class,
			Reseller.class, Reseller.Config.class, AnomalyAlert.class, AnomalyAlert.CostGroup.class,
			AnomalyAlert.Channels.class, AnomalyAlert.Channel.class);

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), BLUE_API_RECORDS.toArray(Type[]::new));
	}

}
