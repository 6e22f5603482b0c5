/// What an AI component does.
public enum AIKind: String, DescriptorChoice {
    case chatbot, voicebot
    case speechAnalytics = "speech_analytics"
    case emotionRecognition = "emotion_recognition"
    case scoring, routing
    case generativeAssistant = "generative_assistant"
    case decision, transcription, classification
    case voiceBiometrics = "voice_biometrics"
    case recommendation
    public static let choiceName = "AI kind"
    public var summary: String {
        switch self {
        case .chatbot: "converses with people in writing"
        case .voicebot: "converses with people by voice"
        case .speechAnalytics: "analyses recorded or live calls (topics, compliance, quality)"
        case .emotionRecognition:
            "infers emotions or intentions from biometric data such as the voice (AI Act Art. 3(39))"
        case .scoring: "gives people a score (propensity, churn, risk, creditworthiness)"
        case .routing: "decides who handles a contact, and in which order"
        case .generativeAssistant: "generates text, audio or images for people or for agents"
        case .decision: "takes or prepares decisions about people"
        case .transcription: "turns speech into text"
        case .classification: "sorts messages or contacts (intent, topic, urgency)"
        case .voiceBiometrics: "identifies or authenticates people by their voice"
        case .recommendation: "recommends offers, answers or next actions"
        }
    }
}

/// When people are told they deal with an AI system (AI Act Art. 50(1), 50(5)).
public enum Disclosure: String, DescriptorChoice {
    case atStart = "at_start"
    case onRequest = "on_request"
    case never
    public static let choiceName = "AI disclosure"
    public var summary: String {
        switch self {
        case .atStart: "at the start of the first interaction"
        case .onRequest: "only when someone asks"
        case .never: "never"
        }
    }
}

/// How far an AI component decides about people (GDPR Art. 22).
public enum DecisionMode: String, DescriptorChoice {
    case noDecision = "none"
    case assists
    case solelyAutomated = "solely_automated"
    public static let choiceName = "decision mode"
    public var summary: String {
        switch self {
        case .noDecision: "takes no decision about people"
        case .assists: "prepares decisions a person takes"
        case .solelyAutomated: "decides with no meaningful human involvement"
        }
    }
}

/// The effect of the decisions on people.
public enum DecisionEffect: String, DescriptorChoice {
    case noEffect = "none"
    case significant, legal
    public static let choiceName = "effect"
    public var summary: String {
        switch self {
        case .noEffect: "no legal or similarly significant effect"
        case .significant: "similarly significant effect (access to a service, price, priority…)"
        case .legal: "legal effect (contract refused, terminated…)"
        }
    }
}

/// The exception that allows a solely automated decision with effects (GDPR Art. 22(2)).
public enum AutomatedDecisionBasis: String, DescriptorChoice {
    case contract, law
    case explicitConsent = "explicit_consent"
    public static let choiceName = "automated decision basis"
    public var summary: String {
        switch self {
        case .contract: "necessary for a contract (Art. 22(2)(a))"
        case .law: "authorised by law (Art. 22(2)(b))"
        case .explicitConsent: "explicit consent (Art. 22(2)(c))"
        }
    }
}

/// What an AI component infers about people.
public enum Inference: String, DescriptorChoice {
    case emotion, sentiment, intent, satisfaction, stress, identity, age, gender, personality
    case churnRisk = "churn_risk"
    case propensity, creditworthiness
    case insuranceRisk = "insurance_risk"
    case fraudRisk = "fraud_risk"
    case vulnerability, performance, topic, language
    public static let choiceName = "inference"
    public var summary: String {
        switch self {
        case .emotion: "emotions (anger, joy, stress…) — emotion recognition when read from biometric data"
        case .sentiment: "positive or negative tone of a text"
        case .intent: "what the person wants"
        case .satisfaction: "predicted satisfaction (CSAT, NPS)"
        case .stress: "stress or tension"
        case .identity: "who the person is (voiceprint, face)"
        case .age: "age or age range"
        case .gender: "gender"
        case .personality: "personality traits"
        case .churnRisk: "likelihood to leave"
        case .propensity: "likelihood to buy or accept an offer"
        case .creditworthiness: "ability to repay, credit score (AI Act Annex III 5(b))"
        case .insuranceRisk: "risk for life or health insurance pricing (Annex III 5(c))"
        case .fraudRisk: "likelihood of fraud"
        case .vulnerability: "situations of vulnerability (financial difficulty, disability, age)"
        case .performance: "work performance of employees (Annex III 4(b))"
        case .topic: "subject of a contact"
        case .language: "language spoken or written"
        }
    }
}

/// What an AI component takes as input.
public enum InputMedium: String, DescriptorChoice {
    case text, voice, image, video
    case structuredData = "structured_data"
    case documents
    public static let choiceName = "input"
    public var summary: String {
        switch self {
        case .text: "messages, emails, transcripts"
        case .voice: "live or recorded voice (biometric data when used to identify or infer emotions)"
        case .image: "images"
        case .video: "video"
        case .structuredData: "records and tables (CRM, billing, usage)"
        case .documents: "uploaded documents"
        }
    }
}

/// What a generative AI component produces (AI Act Art. 50(2)).
public enum OutputMedium: String, DescriptorChoice {
    case text, audio, image, video
    public static let choiceName = "generated medium"
    public var summary: String {
        switch self {
        case .text: "text"
        case .audio: "synthetic speech or sound"
        case .image: "images"
        case .video: "video"
        }
    }
}

/// A point of AI Act Annex III (high-risk uses).
public enum AnnexIIIPoint: String, DescriptorChoice {
    case p1a = "1a"
    case p1b = "1b"
    case p1c = "1c"
    case p2 = "2"
    case p3a = "3a"
    case p3b = "3b"
    case p3c = "3c"
    case p3d = "3d"
    case p4a = "4a"
    case p4b = "4b"
    case p5a = "5a"
    case p5b = "5b"
    case p5c = "5c"
    case p5d = "5d"
    case p6a = "6a"
    case p6b = "6b"
    case p6c = "6c"
    case p6d = "6d"
    case p6e = "6e"
    case p7a = "7a"
    case p7b = "7b"
    case p7c = "7c"
    case p7d = "7d"
    case p8a = "8a"
    case p8b = "8b"
    public static let choiceName = "Annex III point"
    public var summary: String {
        switch self {
        case .p1a: "remote biometric identification"
        case .p1b: "biometric categorisation by sensitive attributes"
        case .p1c: "emotion recognition"
        case .p2: "safety components of critical infrastructure"
        case .p3a: "access or admission to education"
        case .p3b: "evaluating learning outcomes"
        case .p3c: "assessing the level of education"
        case .p3d: "monitoring students during tests"
        case .p4a: "recruitment and selection"
        case .p4b: "decisions on work relationships, task allocation, monitoring and evaluating workers"
        case .p5a: "eligibility for public assistance benefits"
        case .p5b: "creditworthiness and credit scoring (not fraud detection)"
        case .p5c: "risk assessment and pricing for life and health insurance"
        case .p5d: "evaluating and classifying emergency calls"
        case .p6a, .p6b, .p6c, .p6d, .p6e: "law enforcement"
        case .p7a, .p7b, .p7c, .p7d: "migration, asylum and border control"
        case .p8a: "administration of justice"
        case .p8b: "influencing elections"
        }
    }
}

/// What an AI component's output decides or changes for the people it is about.
public enum DecisionConsequence: String, DescriptorChoice {
    case pay
    case discipline
    case contract
    case price
    public static let choiceName = "consequence"
    public var summary: String {
        switch self {
        case .pay: "workers' pay or bonuses"
        case .discipline: "warnings, sanctions or dismissal of workers"
        case .contract: "whether a contract is offered, kept or ended"
        case .price: "the price offered to a person"
        }
    }
}
