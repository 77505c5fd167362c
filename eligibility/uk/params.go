// Package uk is Waymark's rule pack for the United Kingdom (England, Wales, Scotland and
// Northern Ireland). This file holds the pack's parameters: every rate, threshold and duration
// the UK rules use, as dated and sourced data files under parameters/, embedded in the binary.
//
// The YAML files are the source of truth, but start-up does not parse them: parameters_gen.go
// holds the same parameters as Go literals, written by a generator that loads and validates
// the files. After changing a file under parameters/, regenerate it from the module root with
//
//	go generate ./eligibility/uk
//
// TestGeneratedParameters fails (and so does `make test`) until the two agree.
package uk

//go:generate go run ./internal/genparams

import (
	"embed"

	"waymark/eligibility/params"
	"waymark/eligibility/uk/internal/ukparams"
)

//go:embed parameters
var parameterFiles embed.FS

// LoadParameters reads and validates the embedded parameter files, reporting every problem,
// with the pack's source rules (ukparams.Options). The health and drift tests call it; the
// pack itself uses the generated copy through Parameters.
func LoadParameters() (*params.Set, error) {
	return params.Load(parameterFiles, "parameters", ukparams.Options())
}

// parameters is the set built at start-up from the generated literals, which costs
// microseconds where parsing the YAML cost milliseconds of every `waymark check`. If the
// literals were malformed (which TestGeneratedParameters makes a failed build), the set is
// empty rather than a crash: every look-up then fails and the rules answer need_info, so an
// adviser never sees a wrong figure and the app still opens.
var parameters, parametersErr = func() (*params.Set, error) {
	s, err := params.NewSet(generatedParameters())
	if err != nil {
		return params.EmptySet(), err
	}
	return s, nil
}()

// Parameters returns the UK parameter set, for listing by `waymark rules` and for tests.
func Parameters() *params.Set { return parameters }

// ParametersErr reports why the generated parameters did not build a set, or nil. The app can
// show it; the health test fails on it.
func ParametersErr() error { return parametersErr }

// Param is every parameter the UK rules (and the job-offer check, for the minimum wage)
// read, declared in one place. The health test fails when a parameter file is missing from
// this list (data nobody uses) or a name here has no file. Look-ups return params.ErrNotInForce
// for a date with no confirmed value, and the rules then answer need_info.
var Param = struct {
	// Universal Credit, monthly amounts.
	UCStandardAllowanceSingleUnder25           params.Handle
	UCStandardAllowanceSingle25OrOver          params.Handle
	UCStandardAllowanceCoupleBothUnder25       params.Handle
	UCStandardAllowanceCoupleOneOrBoth25OrOver params.Handle
	UCWorkAllowanceWithHousing                 params.Handle
	UCWorkAllowanceWithoutHousing              params.Handle
	UCTaperRate                                params.Handle
	UCChildElementFirstChildBornBefore20170406 params.Handle
	UCChildElementPerChild                     params.Handle
	UCChildElementTwoChildLimit                params.Handle // 1 while the limit is law, 0 after
	UCLCWRAElementStandard                     params.Handle
	UCLCWRAElementProtected                    params.Handle
	UCCarerElement                             params.Handle
	UCCapitalUpperLimit                        params.Handle
	UCCapitalTariffThreshold                   params.Handle
	UCCapitalTariffStep                        params.Handle
	UCCapitalTariffAmount                      params.Handle

	// Contributory benefits, weekly.
	JSANewStyleUnder25                params.Handle
	JSANewStyle25OrOver               params.Handle
	ESANewStyleAssessmentPhaseUnder25 params.Handle
	ESANewStyleBasicAllowance         params.Handle
	ESANewStyleSupportComponent       params.Handle

	// Disability, children and pension age, weekly.
	PIPDailyLivingStandard                      params.Handle
	PIPDailyLivingEnhanced                      params.Handle
	PIPMobilityStandard                         params.Handle
	PIPMobilityEnhanced                         params.Handle
	ChildBenefitEldestOrOnly                    params.Handle
	ChildBenefitAdditionalChild                 params.Handle
	PensionCreditStandardMinimumGuaranteeSingle params.Handle
	PensionCreditStandardMinimumGuaranteeCouple params.Handle
	ScottishChildPaymentWeeklyRate              params.Handle
	HealthyStartPregnancy                       params.Handle
	HealthyStartChildUnder1                     params.Handle
	HealthyStartChild1To3                       params.Handle

	// Capital limits of Housing Benefit and the national Council Tax Reduction schemes.
	HousingBenefitCapitalUpperLimit      params.Handle
	CouncilTaxReductionCapitalUpperLimit params.Handle

	// Asylum support, weekly.
	AsylumSupportWeeklyRate       params.Handle
	AsylumSupportPregnantExtra    params.Handle
	AsylumSupportChildUnder1Extra params.Handle
	AsylumSupportChild1To3Extra   params.Handle

	// National Referral Mechanism support, in days.
	NRMEnglandWalesRecoveryPeriod    params.Handle
	NRMEnglandWalesMoveOnPositiveCG  params.Handle
	NRMScotlandSupportPeriod         params.Handle
	NRMNorthernIrelandRecoveryPeriod params.Handle

	// Minimum wage, hourly, and the accommodation offset, daily.
	NMW21OrOver                 params.Handle
	NMW18To20                   params.Handle
	NMW16To17                   params.Handle
	NMWApprentice               params.Handle
	NMWAccommodationOffsetDaily params.Handle
}{
	UCStandardAllowanceSingleUnder25:           parameters.Use("uc.standard_allowance.single_under_25"),
	UCStandardAllowanceSingle25OrOver:          parameters.Use("uc.standard_allowance.single_25_or_over"),
	UCStandardAllowanceCoupleBothUnder25:       parameters.Use("uc.standard_allowance.couple_both_under_25"),
	UCStandardAllowanceCoupleOneOrBoth25OrOver: parameters.Use("uc.standard_allowance.couple_one_or_both_25_or_over"),
	UCWorkAllowanceWithHousing:                 parameters.Use("uc.work_allowance.with_housing"),
	UCWorkAllowanceWithoutHousing:              parameters.Use("uc.work_allowance.without_housing"),
	UCTaperRate:                                parameters.Use("uc.taper_rate"),
	UCChildElementFirstChildBornBefore20170406: parameters.Use("uc.child_element.first_child_born_before_2017_04_06"),
	UCChildElementPerChild:                     parameters.Use("uc.child_element.per_child"),
	UCChildElementTwoChildLimit:                parameters.Use("uc.child_element.two_child_limit"),
	UCLCWRAElementStandard:                     parameters.Use("uc.lcwra_element.standard"),
	UCLCWRAElementProtected:                    parameters.Use("uc.lcwra_element.protected"),
	UCCarerElement:                             parameters.Use("uc.carer_element"),
	UCCapitalUpperLimit:                        parameters.Use("uc.capital.upper_limit"),
	UCCapitalTariffThreshold:                   parameters.Use("uc.capital.tariff_threshold"),
	UCCapitalTariffStep:                        parameters.Use("uc.capital.tariff_step"),
	UCCapitalTariffAmount:                      parameters.Use("uc.capital.tariff_amount"),

	JSANewStyleUnder25:                parameters.Use("jsa.new_style.under_25"),
	JSANewStyle25OrOver:               parameters.Use("jsa.new_style.25_or_over"),
	ESANewStyleAssessmentPhaseUnder25: parameters.Use("esa.new_style.assessment_phase_under_25"),
	ESANewStyleBasicAllowance:         parameters.Use("esa.new_style.basic_allowance"),
	ESANewStyleSupportComponent:       parameters.Use("esa.new_style.support_component"),

	PIPDailyLivingStandard:                      parameters.Use("pip.daily_living.standard"),
	PIPDailyLivingEnhanced:                      parameters.Use("pip.daily_living.enhanced"),
	PIPMobilityStandard:                         parameters.Use("pip.mobility.standard"),
	PIPMobilityEnhanced:                         parameters.Use("pip.mobility.enhanced"),
	ChildBenefitEldestOrOnly:                    parameters.Use("child_benefit.eldest_or_only"),
	ChildBenefitAdditionalChild:                 parameters.Use("child_benefit.additional_child"),
	PensionCreditStandardMinimumGuaranteeSingle: parameters.Use("pension_credit.standard_minimum_guarantee.single"),
	PensionCreditStandardMinimumGuaranteeCouple: parameters.Use("pension_credit.standard_minimum_guarantee.couple"),
	ScottishChildPaymentWeeklyRate:              parameters.Use("scottish_child_payment.weekly_rate"),
	HealthyStartPregnancy:                       parameters.Use("healthy_start.pregnancy"),
	HealthyStartChildUnder1:                     parameters.Use("healthy_start.child_under_1"),
	HealthyStartChild1To3:                       parameters.Use("healthy_start.child_1_to_3"),

	HousingBenefitCapitalUpperLimit:      parameters.Use("housing_benefit.capital_upper_limit"),
	CouncilTaxReductionCapitalUpperLimit: parameters.Use("council_tax_reduction.capital_upper_limit"),

	AsylumSupportWeeklyRate:       parameters.Use("asylum_support.weekly_rate"),
	AsylumSupportPregnantExtra:    parameters.Use("asylum_support.pregnant_extra"),
	AsylumSupportChildUnder1Extra: parameters.Use("asylum_support.child_under_1_extra"),
	AsylumSupportChild1To3Extra:   parameters.Use("asylum_support.child_1_to_3_extra"),

	NRMEnglandWalesRecoveryPeriod:    parameters.Use("nrm.england_wales.recovery_period"),
	NRMEnglandWalesMoveOnPositiveCG:  parameters.Use("nrm.england_wales.move_on_positive_cg"),
	NRMScotlandSupportPeriod:         parameters.Use("nrm.scotland.support_period"),
	NRMNorthernIrelandRecoveryPeriod: parameters.Use("nrm.northern_ireland.recovery_period"),

	NMW21OrOver:                 parameters.Use("nmw.21_or_over"),
	NMW18To20:                   parameters.Use("nmw.18_to_20"),
	NMW16To17:                   parameters.Use("nmw.16_to_17"),
	NMWApprentice:               parameters.Use("nmw.apprentice"),
	NMWAccommodationOffsetDaily: parameters.Use("nmw.accommodation_offset_daily"),
}
