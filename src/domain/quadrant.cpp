#include "domain/quadrant.hpp"

#include <array>

namespace cdcwb::domain {

Quadrant quadrant_of(SourcingAnswers a) {
    if (a.information == Information::internal)
        return a.specialist_skill ? Quadrant::IV : Quadrant::I;
    return a.specialist_skill ? Quadrant::III : Quadrant::II;
}

QuadrantAdvice advise(Quadrant quadrant) {
    switch (quadrant) {
    case Quadrant::I:
        return {quadrant,
                "insource ≫ outsource",
                {"Keep it inside: the service handles the organisation's own information and needs "
                 "no specialist skill, so outsourcing is not advised.",
                 "内部で実施する。組織内部の情報を扱い専門スキルも要らないため、外部委託は勧められ"
                 "ない。"}};
    case Quadrant::II:
        return {
            quadrant,
            "insource ≧ outsource",
            {"Lead it inside: your team runs and manages the service, and may take outside help "
             "for parts of it.",
             "内部が主導する。自組織で運用・管理し、必要に応じて一部に外部の支援を受ける。"}};
    case Quadrant::III:
        return {
            quadrant,
            "insource ≪ outsource",
            {"Have a specialist deliver it: the service works on external information and needs "
             "specialist skill, so a specialist party should run it.",
             "専門組織に任せる。外部の情報を扱い専門スキルが必要なため、専門の事業者が提供すべきで"
             "ある。"}};
    case Quadrant::IV:
        return {quadrant,
                "insource ≦ outsource",
                {"Specialists deliver, you manage: outside specialists do the work while your team "
                 "manages it and supplies the internal knowledge.",
                 "専門家が実施し、内部が管理する。外部の専門家が作業し、自組織は管理と内部情報の提"
                 "供で支える。"}};
    }
    return advise(Quadrant::I);
}

namespace {

/// The assignment each quadrant advises against, and what to say when a service has it.
struct Mismatch {
    Quadrant quadrant;
    Assignment advised_against;
    LocalizedText message;
};
const std::array<Mismatch, 4> kMismatches{{
    {Quadrant::I,
     Assignment::outsource,
     {"quadrant I advises keeping this service inside, but it is outsourced",
      "象限Iは内部での実施を勧めるが、外部委託になっている"}},
    {Quadrant::II,
     Assignment::outsource,
     {"quadrant II advises that your team leads this service, but it is wholly outsourced",
      "象限IIは自組織の主導を勧めるが、全面的に外部委託になっている"}},
    {Quadrant::III,
     Assignment::insource,
     {"quadrant III advises a specialist party for this service, but it is insourced only",
      "象限IIIは専門事業者による提供を勧めるが、内部のみで実施している"}},
    {Quadrant::IV,
     Assignment::insource,
     {"quadrant IV advises outside specialists managed by your team, but it is insourced only",
      "象限IVは外部の専門家の活用と内部での管理を勧めるが、内部のみで実施している"}},
}};

} // namespace

std::optional<LocalizedText> quadrant_mismatch(Quadrant quadrant, Assignment assignment) {
    for (const auto& m : kMismatches)
        if (m.quadrant == quadrant && m.advised_against == assignment) return m.message;
    return std::nullopt;
}

} // namespace cdcwb::domain
