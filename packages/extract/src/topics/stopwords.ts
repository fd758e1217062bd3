// English stopwords and generic nouns that never make a topic on their own.
// Used to cut sentences into candidate phrases and to drop empty candidates.

const list = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const STOPWORDS = list(`
a about above after again against all almost also although always am among an and another any anyone anything are
around as at back be became because become been before being below between both but by can cannot could did do does
doing done down during each either else enough even ever every everyone everything few first for from further get gets
getting give given go goes going gone got had has have having he her here hers herself him himself his how however i
if in into is it its itself just know known last least less let like made make makes making many may maybe me might
mine more most much must my myself need needs neither never new next no nor not nothing now of off often on once one
only onto or other others otherwise our ours ourselves out over own per perhaps put quite rather really said same say
says see seen shall she should since so some somebody someone something sometimes still such take than that the their
theirs them themselves then there therefore these they thing things think this those though through thus to today
together too toward towards under until up upon us used very via want was way we well were what whatever when where
whether which while whilst who whom whose why will with within without would yes yet you your yours yourself yourselves
amongst
let's it's that's there's we're we've we'll i'm i've i'd don't doesn't didn't can't won't isn't aren't wasn't weren't
you're they're he's she's what's who's kind sort lot lots bit number part side sense case cases terms point example
question issue issues course fact regard respect area areas level levels order way ways time times year years day days
mean means thank thanks yeah okay ok oh um uh also again actually basically certainly clearly especially essentially
indeed obviously particularly quite really relatively simply slightly sure very already able around across
help different important various certain several whole general specific main major key good best better great lot
thing people way ways
`);
