/// Where a system is in its life.
public enum SystemStatus: String, DescriptorChoice {
    case planned, pilot, production, retired
    public static let choiceName = "status"
    public var summary: String {
        switch self {
        case .planned: "designed, not yet processing real data"
        case .pilot: "processing real data for a limited audience or period"
        case .production: "in service"
        case .retired: "no longer in service; its data may still be held"
        }
    }
}

/// A channel through which customers reach the service.
public enum Channel: String, DescriptorChoice {
    case phone, chat, email, sms, web
    case mobileApp = "mobile_app"
    case messaging
    case socialMedia = "social_media"
    case letter
    case inPerson = "in_person"
    public static let choiceName = "channel"
    public var summary: String {
        switch self {
        case .phone: "telephone calls, inbound or outbound"
        case .chat: "live chat or chatbot on a website"
        case .email: "email"
        case .sms: "text messages"
        case .web: "web forms and customer area"
        case .mobileApp: "the company's mobile application"
        case .messaging: "messaging apps (WhatsApp, Messenger…)"
        case .socialMedia: "public social networks"
        case .letter: "post"
        case .inPerson: "shops and agencies"
        }
    }
}

/// The AI Act role of the organisation for this system (Art. 3(3) and 3(4)).
public enum AIRole: String, DescriptorChoice {
    case provider, deployer
    public static let choiceName = "AI Act role"
    public var summary: String {
        switch self {
        case .provider:
            "develops the AI system, or has it developed, and puts it into service under its own name (Art. 3(3))"
        case .deployer: "uses an AI system under its authority (Art. 3(4))"
        }
    }
}

/// The GDPR role of the organisation for this processing.
public enum GDPRRole: String, DescriptorChoice {
    case controller
    case jointController = "joint_controller"
    case processor
    public static let choiceName = "GDPR role"
    public var summary: String {
        switch self {
        case .controller: "determines the purposes and means of the processing (Art. 4(7))"
        case .jointController: "determines them together with another controller (Art. 26)"
        case .processor: "processes on behalf of a controller (Art. 4(8), 28)"
        }
    }
}

/// The organisation's sector, which some obligations depend on.
public enum Sector: String, DescriptorChoice {
    case energy, telecommunications, banking, insurance, retail
    case eCommerce = "e_commerce"
    case transport, health
    case publicSector = "public_sector"
    case other
    public static let choiceName = "sector"
    public var summary: String {
        switch self {
        case .energy: "energy supply"
        case .telecommunications: "telecommunications"
        case .banking: "banking and credit (excluded from CNIL's commercial management framework)"
        case .insurance: "insurance (excluded from CNIL's commercial management framework)"
        case .retail: "retail"
        case .eCommerce: "online retail"
        case .transport: "transport"
        case .health: "health (excluded from CNIL's commercial management framework)"
        case .publicSector: "public administration"
        case .other: "any other sector"
        }
    }
}
