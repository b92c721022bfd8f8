using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>
/// The platform's clock was moved forward (the adjustable clock of a throwaway end-to-end server): modules catch up on
/// whatever fell due meanwhile, as they do after a restart.
/// </summary>
public sealed record ClockAdvanced(Instant Now);
